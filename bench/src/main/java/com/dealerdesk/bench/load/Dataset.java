package com.dealerdesk.bench.load;

import com.dealerdesk.bench.Database;

/** The generated data of a size. */
final class Dataset {

	private Dataset() {
	}

	/**
	 * Until the data generator is merged: the data already in the database (seed it with
	 * api/bench/seed-*.sql).
	 */
	static void ensure(Database database, String size) {
	}

}
