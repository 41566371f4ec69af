package com.dealerdesk.sales;

import java.util.UUID;

public record LostReason(UUID id, String name) {

}
