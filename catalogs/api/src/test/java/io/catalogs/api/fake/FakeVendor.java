package io.catalogs.api.fake;

/**
 * The behaviour of one vendor's API, in memory: answers requests as the vendor documents. Called
 * by {@link FakeHttpServer} one request at a time (implementations need no locking of their own).
 */
public interface FakeVendor {

	FakeResponse handle(FakeExchange request);

	/** The vendor's error answer with {@code status}, for injected faults. */
	FakeResponse error(int status, String message);

	/** Forgets every object (between tests). */
	void reset();
}
