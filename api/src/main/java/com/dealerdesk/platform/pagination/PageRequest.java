package com.dealerdesk.platform.pagination;

import java.util.List;
import java.util.function.Function;

import com.dealerdesk.platform.error.InvalidArgumentException;

/**
 * A forward page request: how many rows, after which position. Repositories fetch
 * {@link #fetchSize()} rows (one more than asked) so that {@link #page} knows whether
 * another page follows without counting.
 */
public record PageRequest(int first, KeysetCursor after) {

	public static final int MAX_PAGE_SIZE = 100;

	public static PageRequest of(Integer first, String after, String order) {
		int size = first == null ? 25 : first;
		if (size < 0 || size > MAX_PAGE_SIZE) {
			throw new InvalidArgumentException("INVALID_PAGE_SIZE",
					"`first` must be between 0 and " + MAX_PAGE_SIZE + ".");
		}
		return new PageRequest(size, after == null ? null : KeysetCursor.decode(after, order));
	}

	public int fetchSize() {
		return this.first + 1;
	}

	/** Builds the page's edges and page info from up to {@link #fetchSize()} rows. */
	public <T> Connection<T> page(List<T> rows, Function<T, KeysetCursor> cursorOf) {
		boolean hasNext = rows.size() > this.first;
		List<Edge<T>> edges = rows.stream()
			.limit(this.first)
			.map(row -> new Edge<>(row, cursorOf.apply(row).encode()))
			.toList();
		PageInfo info = new PageInfo(hasNext, this.after != null, edges.isEmpty() ? null : edges.get(0).cursor(),
				edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
		return new Connection<>(edges, info);
	}

	/**
	 * A Relay connection. Spring for GraphQL passes through values whose class name ends
	 * in "Connection" and adapts anything else, hence the name.
	 */
	public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	}

}
