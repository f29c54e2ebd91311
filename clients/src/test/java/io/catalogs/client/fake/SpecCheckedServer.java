package io.catalogs.client.fake;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A JUnit extension over one of the shared fake servers (register it with
 * {@code @RegisterExtension}): resets the server before each test, and fails a test after which
 * the server saw an exchange its vendor's OpenAPI file does not allow.
 */
public final class SpecCheckedServer implements BeforeEachCallback, AfterEachCallback {

	private final FakeHttpServer server;

	public SpecCheckedServer(FakeHttpServer server) {
		this.server = server;
	}

	@Override
	public void beforeEach(ExtensionContext context) {
		this.server.reset();
	}

	@Override
	public void afterEach(ExtensionContext context) {
		assertThat(this.server.violations()).as("exchanges the vendor's OpenAPI file does not allow").isEmpty();
	}
}
