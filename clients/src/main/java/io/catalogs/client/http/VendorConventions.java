package io.catalogs.client.http;

import java.util.Map;
import java.util.Objects;

/**
 * What differs between vendors in the shared plumbing: the vendor's name (used in client names and
 * logs), the response header carrying the vendor's own request id (logged next to our correlation
 * id), headers every request carries (an API version), and the error classification.
 *
 * @param vendor lower-case vendor name, such as {@code stripe}
 * @param requestIdHeader the vendor's request-id response header, or {@code null}
 * @param defaultHeaders headers sent with every request
 * @param errors how failed responses are classified
 */
public record VendorConventions(String vendor, String requestIdHeader, Map<String, String> defaultHeaders,
		ErrorClassifier errors) {

	public VendorConventions {
		Objects.requireNonNull(vendor, "vendor");
		defaultHeaders = (defaultHeaders != null) ? Map.copyOf(defaultHeaders) : Map.of();
		errors = (errors != null) ? errors : ErrorClassifier.standard();
	}

	/** Standard error classification and no default headers. */
	public static VendorConventions of(String vendor, String requestIdHeader) {
		return new VendorConventions(vendor, requestIdHeader, Map.of(), ErrorClassifier.standard());
	}

	public VendorConventions withDefaultHeaders(Map<String, String> headers) {
		return new VendorConventions(this.vendor, this.requestIdHeader, headers, this.errors);
	}

	public VendorConventions withErrors(ErrorClassifier classifier) {
		return new VendorConventions(this.vendor, this.requestIdHeader, this.defaultHeaders, classifier);
	}
}
