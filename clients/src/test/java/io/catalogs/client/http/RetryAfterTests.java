package io.catalogs.client.http;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTests {

	@Test
	void readsDelaySeconds() {
		assertThat(RetryAfter.parse("2")).isEqualTo(Duration.ofSeconds(2));
		assertThat(RetryAfter.parse(" 0 ")).isEqualTo(Duration.ZERO);
	}

	@Test
	void readsHttpDates() {
		String inTenSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(10));
		assertThat(RetryAfter.parse(inTenSeconds)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(10));
		assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
	}

	@Test
	void ignoresAbsentOrUnreadableValues() {
		assertThat(RetryAfter.parse(null)).isNull();
		assertThat(RetryAfter.parse("soon")).isNull();
		assertThat(RetryAfter.parse("-1")).isNull();
	}
}
