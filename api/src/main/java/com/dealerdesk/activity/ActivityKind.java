package com.dealerdesk.activity;

public enum ActivityKind {

	CALL, MEETING, DEMO, VISIT, EMAIL, TASK

}
