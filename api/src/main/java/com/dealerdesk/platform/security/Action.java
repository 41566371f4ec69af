package com.dealerdesk.platform.security;

/**
 * What an actor does to an object; which actions a kind of object has is on
 * {@link Subject}.
 */
public enum Action {

	/**
	 * Makes a new one (a new customer, logging an activity, importing mail, issuing
	 * licenses).
	 */
	CREATE("create"),

	/**
	 * Changes one (editing, archiving, moving a deal, deciding a quote, cancelling an
	 * order).
	 */
	UPDATE("change"),

	/** Deletes or removes one (a contact, a document of the order chain). */
	DELETE("delete"),

	/** Changes a license's terms: extends, upgrades, suspends, resumes or revokes it. */
	CHANGE_TERMS("change the terms of"),

	/** Decides one for the vendor: approves or rejects a deal registration. */
	APPROVE("approve or reject"),

	/** Reads what is otherwise hidden: the audit trail. */
	READ("read");

	private final String verb;

	Action(String verb) {
		this.verb = verb;
	}

	/** The action in a sentence: "Your role may not {verb} customers." */
	String verb() {
		return this.verb;
	}

}
