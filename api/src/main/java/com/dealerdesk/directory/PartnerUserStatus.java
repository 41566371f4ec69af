package com.dealerdesk.directory;

/** Where a partner's portal user stands. */
public enum PartnerUserStatus {

	/** Invited; has not signed in yet. */
	INVITED, ACTIVE,
	/** Their tokens are refused. */
	DISABLED

}
