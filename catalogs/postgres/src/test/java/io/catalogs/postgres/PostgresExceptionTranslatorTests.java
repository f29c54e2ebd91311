package io.catalogs.postgres;

import io.catalogs.schema.EntityTypes;
import io.catalogs.spi.CatalogException;
import io.catalogs.spi.CatalogUnavailableException;
import io.catalogs.spi.EntityNotFoundException;

import java.net.ConnectException;
import java.util.UUID;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.R2dbcBadGrammarException;
import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresExceptionTranslatorTests {

	private final PostgresExceptionTranslator translator = new PostgresExceptionTranslator("pg");

	@Test
	void connectionFailuresAndTimeoutsMakeTheCatalogUnavailable() {
		assertUnavailable(new DataAccessResourceFailureException("Failed to obtain R2DBC Connection",
				new ConnectException("Connection refused")));
		assertUnavailable(new R2dbcNonTransientResourceException("terminating connection", "57P01"));
		assertUnavailable(new R2dbcTimeoutException("canceling statement due to statement timeout", "57014"));
		assertUnavailable(new TimeoutException("no signal within 11s"));
		assertUnavailable(new IllegalStateException("wrapped", new R2dbcBadGrammarException("too many", "53300")));
	}

	@Test
	void otherDriverFailuresNameOnlyTheSqlState() {
		Throwable error = this.translator.translate(new R2dbcBadGrammarException("syntax error at secret", "42601"));
		assertThat(error).isExactlyInstanceOf(CatalogException.class)
			.hasMessage("catalog 'pg' failed to run a statement (SQL state 42601)")
			.hasCauseInstanceOf(R2dbcBadGrammarException.class);
	}

	@Test
	void keepsTheCatalogsOwnErrors() {
		EntityNotFoundException notFound = new EntityNotFoundException(EntityTypes.CUSTOMER, UUID.randomUUID());
		assertThat(this.translator.translate(notFound)).isSameAs(notFound);
		IllegalArgumentException badField = new IllegalArgumentException("customer has no field x");
		assertThat(this.translator.translate(badField)).isSameAs(badField);
	}

	@Test
	void recognisesUniqueViolationsThroughWrappers() {
		R2dbcDataIntegrityViolationException duplicate = new R2dbcDataIntegrityViolationException("dup", "23505");
		assertThat(PostgresExceptionTranslator.isUniqueViolation(new DuplicateKeyException("dup", duplicate))).isTrue();
		assertThat(PostgresExceptionTranslator
			.isUniqueViolation(new R2dbcDataIntegrityViolationException("null value", "23502"))).isFalse();
	}

	private void assertUnavailable(Throwable driverError) {
		assertThat(this.translator.translate(driverError)).isInstanceOf(CatalogUnavailableException.class)
			.hasCause(driverError);
	}
}
