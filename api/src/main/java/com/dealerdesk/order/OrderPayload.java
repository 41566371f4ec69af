package com.dealerdesk.order;

import java.util.List;

import com.dealerdesk.platform.error.UserError;

/** The answer of every mutation that makes or changes an order, here and in licensing. */
public record OrderPayload(Order order, List<UserError> userErrors) {

}
