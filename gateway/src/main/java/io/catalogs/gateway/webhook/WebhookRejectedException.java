package io.catalogs.gateway.webhook;

/**
 * A webhook request that is refused with 400 and changes nothing: forged, stale or malformed. The
 * message says why, for the log and the response; it never contains a secret or the body.
 */
public class WebhookRejectedException extends RuntimeException {

	public WebhookRejectedException(String message) {
		super(message);
	}
}
