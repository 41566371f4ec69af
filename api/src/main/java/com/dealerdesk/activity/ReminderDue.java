package com.dealerdesk.activity;

enum ReminderDue {

	OVERDUE, TODAY, UPCOMING

}
