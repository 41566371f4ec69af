package com.dealerdesk.platform.security;

/** That an actor may do {@code action} on objects of the kind {@code subject}. */
public record Permission(Action action, Subject subject) {

}
