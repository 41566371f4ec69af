package com.dealerdesk.customer;

import com.dealerdesk.platform.pagination.OrderDirection;

record CustomerOrder(Field field, OrderDirection direction) {

	static final CustomerOrder DEFAULT = new CustomerOrder(Field.NAME, OrderDirection.ASC);

	CustomerOrder {
		direction = direction == null ? OrderDirection.ASC : direction;
	}

	/** The name cursors carry, so a cursor cannot be replayed under another order. */
	String key() {
		return this.field.name() + "_" + this.direction.name();
	}

	enum Field {

		NAME("sort_name"), CREATED_AT("created_at"), UPDATED_AT("updated_at");

		final String column;

		Field(String column) {
			this.column = column;
		}

	}

}
