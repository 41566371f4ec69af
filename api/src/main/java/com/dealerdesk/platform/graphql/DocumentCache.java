package com.dealerdesk.platform.graphql;

import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;

/**
 * Parsed and validated documents, kept by their text and operation name, so that a client
 * sending the same operation again skips parsing and validation. Only documents that
 * passed are kept: an invalid one is answered afresh each time (its messages follow the
 * request's locale) and cannot fill the cache. A cached document skips
 * {@code beginValidation}, which is why every limit that depends on more than the
 * document's text (cost, depth through fragments, sizes, scope) is checked when the
 * operation starts ({@link OperationLimits}, ScopeCheck), for every request; the written
 * fields counted before validation depend on the text alone, so a document that passed
 * once passes again. The cache is bounded by the documents' length, since a document may
 * be as large as {@code dealerdesk.graphql.limits.max-request-size}.
 */
final class DocumentCache implements PreparsedDocumentProvider {

	private final Cache<Key, PreparsedDocumentEntry> documents;

	/**
	 * @param maxCharacters the text of the documents kept, together (a parsed document
	 * takes several times its text in memory)
	 */
	DocumentCache(long maxCharacters) {
		this.documents = Caffeine.newBuilder()
			.maximumWeight(maxCharacters)
			.weigher((Key key, PreparsedDocumentEntry entry) -> key.document().length())
			.build();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		Key key = new Key(input.getQuery(), input.getOperationName());
		PreparsedDocumentEntry entry = this.documents.getIfPresent(key);
		if (entry == null) {
			entry = parseAndValidate.apply(input);
			if (!entry.hasErrors()) {
				this.documents.put(key, entry);
			}
		}
		return CompletableFuture.completedFuture(entry);
	}

	private record Key(String document, String operationName) {

	}

}
