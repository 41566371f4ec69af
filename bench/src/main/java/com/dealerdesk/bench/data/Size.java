package com.dealerdesk.bench.data;

/**
 * The data set sizes of issue 13. Customers set the scale; every other table follows per
 * customer with the ratios below, so that the three sizes are the same business at three
 * scales.
 */
public enum Size {

	/** Demos and tests: generated in seconds. */
	S(1_000),
	/** 100k customers, 1M licenses. */
	M(100_000),
	/** 1M customers, 10M licenses, 10M activities. */
	L(1_000_000);

	/** Contacts per customer: one to three, two on average. */
	public static final int CONTACT_SLOTS = 3;

	public static final int ACTIVITIES_PER_CUSTOMER = 10;

	public static final int LICENSES_PER_CUSTOMER = 10;

	/** Deals per customer: none, one or two, one on average. */
	public static final int DEAL_SLOTS = 2;

	public static final int CAMPAIGNS = 50;

	/** One contract per this many customers. */
	public static final int CUSTOMERS_PER_CONTRACT = 5;

	private final int customers;

	Size(int customers) {
		this.customers = customers;
	}

	public int customers() {
		return this.customers;
	}

	/** One partner per 1,000 customers, at least 20; a fifth of them sub-dealers. */
	public int partners() {
		return Math.max(20, this.customers / 1_000);
	}

	/** Sales reps, each owning about 2,000 customers; at least 8. */
	public int reps() {
		return Math.max(8, this.customers / 2_000);
	}

	/** One manager per eight reps. */
	public int managers() {
		return (reps() + 7) / 8;
	}

	public long licenses() {
		return (long) this.customers * LICENSES_PER_CUSTOMER;
	}

	public long activities() {
		return (long) this.customers * ACTIVITIES_PER_CUSTOMER;
	}

	public int contracts() {
		return this.customers / CUSTOMERS_PER_CONTRACT;
	}

}
