package io.catalogs.client.quickbooks;

import io.catalogs.client.http.ErrorClassifier;

/**
 * QuickBooks' error classification: a read of a missing entity is a 400 whose fault has code 610
 * ("Object Not Found"), which is a miss, not bad input; otherwise the HTTP conventions (QuickBooks
 * throttles with 429, and answers 500/503 on outages).
 */
final class QuickBooksErrors {

	private QuickBooksErrors() {
	}

	static ErrorClassifier classifier() {
		ErrorClassifier standard = ErrorClassifier.standard();
		return (status, headers, body) -> (status == 400 && body.replace(" ", "").contains("\"code\":\"610\""))
				? ErrorClassifier.Outcome.NOT_FOUND : standard.classify(status, headers, body);
	}
}
