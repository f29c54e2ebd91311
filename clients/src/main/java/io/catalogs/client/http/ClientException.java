package io.catalogs.client.http;

/**
 * A failed call to a SaaS API, classified by what the caller should do about it: see
 * {@link RetriableClientException} and {@link PermanentClientException}.
 * <p>
 * The message names the vendor, the client, the operation, the HTTP status and the correlation id,
 * and never the vendor's own error text: that text is logged (with the same correlation id) by the
 * client that received it, so it can be found without reaching the caller's caller.
 */
public abstract class ClientException extends RuntimeException {

	private final String client;

	private final int status;

	private final String correlationId;

	protected ClientException(String client, String operation, int status, String correlationId, Throwable cause) {
		super(describe(client, operation, status, correlationId), cause);
		this.client = client;
		this.status = status;
		this.correlationId = correlationId;
	}

	/** The name of the client (vendor and instance, such as {@code stripe/billing}) that failed. */
	public String client() {
		return this.client;
	}

	/** The HTTP status the vendor answered with, or 0 when no usable response arrived (timeout, reset, unreadable body). */
	public int status() {
		return this.status;
	}

	/** The id under which the failed call, with the vendor's error text, was logged. */
	public String correlationId() {
		return this.correlationId;
	}

	private static String describe(String client, String operation, int status, String correlationId) {
		String outcome = (status > 0) ? "HTTP " + status : "no usable response";
		return client + " " + operation + " failed: " + outcome + " (correlation id " + correlationId + ")";
	}
}
