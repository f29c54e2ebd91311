package io.catalogs.api.fake;

import java.time.Duration;

/**
 * A failure a fake server injects instead of (or after) handling a request.
 *
 * @param kind what happens
 * @param status the status of a {@link Kind#STATUS} fault
 * @param retryAfter the {@code Retry-After} seconds of a status fault, or {@code null}
 * @param delay how late a {@link Kind#SLOW} response is sent
 */
public record Fault(Kind kind, int status, Integer retryAfter, Duration delay) {

	public enum Kind {
		/** Handle the request normally. */
		NONE,
		/** Answer {@code status} without handling the request. */
		STATUS,
		/** Reset the connection without handling the request. */
		RESET,
		/** Handle (commit) the request, then reset the connection instead of answering. */
		RESET_AFTER_COMMIT,
		/** Handle (commit) the request, then answer after {@code delay} (past the client's timeout). */
		SLOW
	}

	public static final Fault NONE = new Fault(Kind.NONE, 0, null, null);

	public static Fault status(int status) {
		return new Fault(Kind.STATUS, status, null, null);
	}

	public static Fault tooManyRequests(int retryAfterSeconds) {
		return new Fault(Kind.STATUS, 429, retryAfterSeconds, null);
	}

	public static Fault reset() {
		return new Fault(Kind.RESET, 0, null, null);
	}

	public static Fault resetAfterCommit() {
		return new Fault(Kind.RESET_AFTER_COMMIT, 0, null, null);
	}

	public static Fault slow(Duration delay) {
		return new Fault(Kind.SLOW, 0, null, delay);
	}
}
