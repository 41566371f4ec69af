package com.dealerdesk.webhook;

enum WebhookEndpointStatus {

	ACTIVE, DISABLED

}
