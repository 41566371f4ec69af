package com.dealerdesk.platform.pagination;

public record Edge<T>(T node, String cursor) {

}
