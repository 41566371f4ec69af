package com.dealerdesk.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The spans the API finished, of the traces a test asked to watch (only those, so that
 * the shared application keeps no spans of other tests).
 */
public final class FinishedSpans implements SpanProcessor {

	private final Map<String, List<SpanData>> byTrace = new ConcurrentHashMap<>();

	private final Set<String> watched = ConcurrentHashMap.newKeySet();

	/** Keeps the spans of this trace from now on. */
	public void watch(String traceId) {
		this.watched.add(traceId);
		this.byTrace.putIfAbsent(traceId, new CopyOnWriteArrayList<>());
	}

	/** The spans of a watched trace finished so far. */
	public List<SpanData> of(String traceId) {
		return List.copyOf(this.byTrace.getOrDefault(traceId, List.of()));
	}

	@Override
	public void onStart(Context parentContext, ReadWriteSpan span) {
	}

	@Override
	public boolean isStartRequired() {
		return false;
	}

	@Override
	public void onEnd(ReadableSpan span) {
		String traceId = span.getSpanContext().getTraceId();
		if (this.watched.contains(traceId)) {
			this.byTrace.get(traceId).add(span.toSpanData());
		}
	}

	@Override
	public boolean isEndRequired() {
		return true;
	}

}
