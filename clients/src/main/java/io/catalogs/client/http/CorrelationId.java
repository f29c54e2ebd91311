package io.catalogs.client.http;

import java.util.UUID;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The id that ties a client call's log lines to the caller's request or sync event. The caller
 * puts it in the Reactor context ({@code mono.contextWrite(CorrelationId.of("evt-42"))}); when it is
 * absent, each call gets a fresh random one. It appears in every failure log line and in the
 * message of every {@link ClientException}.
 */
public final class CorrelationId {

	/** The Reactor context key holding the correlation id (a String). */
	public static final String CONTEXT_KEY = "io.catalogs.correlation-id";

	private CorrelationId() {
	}

	/** A context holding {@code id}, for {@code contextWrite}. */
	public static Context of(String id) {
		return Context.of(CONTEXT_KEY, id);
	}

	/** The id in {@code context}, or a new random one. */
	public static String from(ContextView context) {
		return context.<String>getOrEmpty(CONTEXT_KEY).orElseGet(() -> UUID.randomUUID().toString());
	}
}
