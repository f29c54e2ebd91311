package io.catalogs.gateway.connect;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * The key-rotation command: started with {@value #OPTION}, the gateway re-seals every stored
 * credential with the current key ({@code catalogs.credentials.key} / {@code key-id}) before it
 * serves, so that the old key can then be dropped from {@code previous-keys}. Idempotent.
 */
public class CredentialKeyRotation implements ApplicationRunner {

	/** The command-line option that asks for a rotation. */
	public static final String OPTION = "catalogs.credentials.rotate";

	private static final Logger logger = LoggerFactory.getLogger(CredentialKeyRotation.class);

	private final ControlStoreOAuthTokenStore store;

	public CredentialKeyRotation(ControlStoreOAuthTokenStore store) {
		this.store = store;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!arguments.containsOption(OPTION) || arguments.getOptionValues(OPTION).contains("false")) {
			return;
		}
		logger.info("Rotating the key of stored credentials (--{})", OPTION);
		rotate();
	}

	/** Re-seal every credential not sealed with the current key (blocking: startup only); returns how many. */
	public long rotate() {
		Long count = this.store.rotate().block(Duration.ofMinutes(5));
		return (count != null) ? count : 0;
	}
}
