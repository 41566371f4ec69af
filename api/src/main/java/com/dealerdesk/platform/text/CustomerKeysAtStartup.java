package com.dealerdesk.platform.text;

import org.springframework.stereotype.Component;

/**
 * Loads {@link CustomerKeys} (and ICU's rules) while the application starts, on the main
 * thread, rather than in the first request that needs a key, on the event loop.
 */
@Component
class CustomerKeysAtStartup {

	CustomerKeysAtStartup() {
		CustomerKeys.load();
	}

}
