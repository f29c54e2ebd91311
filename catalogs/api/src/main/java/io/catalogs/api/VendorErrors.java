package io.catalogs.api;

import io.catalogs.client.http.ClientException;
import io.catalogs.client.http.RetriableClientException;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogUnavailableException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates what vendor clients signal into the catalog contract's exceptions: retriable client
 * failures (429, 5xx, timeouts, an open circuit) mean the catalog is unavailable; permanent ones
 * (a refused request) are a {@link CatalogException} whose message is the client's, which names
 * the call, the status and the correlation id but never the vendor's text. Catalog exceptions and
 * argument errors pass as they are; anything else is wrapped, its message kept out.
 */
final class VendorErrors {

	private static final Logger logger = LoggerFactory.getLogger(VendorErrors.class);

	private VendorErrors() {
	}

	static Throwable translate(String catalog, Throwable error) {
		if (error instanceof CatalogException || error instanceof IllegalArgumentException) {
			return error;
		}
		if (error instanceof RetriableClientException) {
			return new CatalogUnavailableException(catalog, error);
		}
		if (error instanceof ClientException client) {
			return new CatalogException("catalog '" + catalog + "': the vendor refused a call (" + client.getMessage() + ")",
					error);
		}
		logger.warn("Catalog '{}' failed", catalog, error);
		return new CatalogException("catalog '" + catalog + "' failed (see the gateway log)", error);
	}
}
