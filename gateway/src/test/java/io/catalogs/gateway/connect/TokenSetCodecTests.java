package io.catalogs.gateway.connect;

import io.catalogs.client.http.OAuth2Token;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TokenSetCodecTests {

	@Test
	void roundTripsEveryFieldIncludingAbsentOnes() {
		Instant expiry = Instant.parse("2026-11-22T03:00:00.123Z");
		OAuth2Token salesforce = new OAuth2Token("00D!AQ.x-y_z", "5Aep.-", expiry, "https://acme.my.salesforce.com");
		OAuth2Token quickbooks = new OAuth2Token("eyJ.a", null, expiry, null);

		assertThat(TokenSetCodec.decode(TokenSetCodec.encode(salesforce))).isEqualTo(salesforce);
		assertThat(TokenSetCodec.decode(TokenSetCodec.encode(quickbooks))).isEqualTo(quickbooks);
	}

	@Test
	void rejectsAnotherFormat() {
		assertThatIllegalArgumentException().isThrownBy(() -> TokenSetCodec.decode("v2.a.b.1.c".getBytes()));
	}
}
