package com.dealerdesk.platform.numbering;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Gapless document numbers per kind and year ({@code ORD-2026-00042}), for every feature
 * that numbers its documents (ADR 0014). The counter row stays locked until the calling
 * transaction ends, so a number is used if and only if its document is committed: call it
 * inside the transaction that inserts the document, and keep that transaction short.
 */
@Component
public class DocumentNumbers {

	private final DatabaseClient database;

	DocumentNumbers(DatabaseClient database) {
		this.database = database;
	}

	/** The next number of {@code prefix} (e.g. {@code ORD}) in {@code year}. */
	public Mono<String> next(String prefix, int year) {
		return this.database.sql("""
				insert into document_counter (kind, year, last) values ($1, $2, 1)
				on conflict (kind, year) do update set last = document_counter.last + 1
				returning last""")
			.bind(0, prefix)
			.bind(1, year)
			.map(row -> row.get("last", Integer.class))
			.one()
			.map(last -> "%s-%d-%05d".formatted(prefix, year, last));
	}

}
