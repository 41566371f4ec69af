package com.dealerdesk.platform.pagination;

public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {

}
