package com.dealerdesk.directory;

import com.dealerdesk.platform.security.Actor;

/** The caller, as returned by {@code Query.viewer}. */
record Viewer(Actor actor) {

}
