package io.catalogs.gateway.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseValueException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class DateTimeScalarTests {

	@SuppressWarnings("unchecked")
	private final Coercing<Instant, String> coercing = (Coercing<Instant, String>) DateTimeScalar.INSTANCE.getCoercing();

	private final GraphQLContext context = GraphQLContext.getDefault();

	@Test
	void isNamedDateTime() {
		assertThat(DateTimeScalar.INSTANCE.getName()).isEqualTo("DateTime");
	}

	@Test
	void writesInstantsAsUtcIso8601WithMilliseconds() {
		assertThat(this.coercing.serialize(Instant.parse("2026-01-31T12:00:00.123456Z"), this.context, Locale.ROOT))
			.isEqualTo("2026-01-31T12:00:00.123Z");
		assertThat(this.coercing.serialize(Instant.parse("2026-01-31T12:00:00Z"), this.context, Locale.ROOT))
			.isEqualTo("2026-01-31T12:00:00.000Z");
	}

	@Test
	void stillWritesOffsetDateTimes() {
		assertThat(this.coercing.serialize(OffsetDateTime.parse("2026-01-31T13:00:00+01:00"), this.context, Locale.ROOT))
			.isEqualTo("2026-01-31T13:00:00.000+01:00");
	}

	@Test
	void readsVariablesAndLiteralsWithAnyOffsetAsInstants() {
		assertThat(this.coercing.parseValue("2026-01-31T13:00:00+01:00", this.context, Locale.ROOT))
			.isEqualTo(Instant.parse("2026-01-31T12:00:00Z"));
		assertThat(this.coercing.parseLiteral(new StringValue("2026-01-31T12:00:00.5Z"), CoercedVariables.emptyVariables(),
				this.context, Locale.ROOT))
			.isEqualTo(Instant.parse("2026-01-31T12:00:00.500Z"));
	}

	@Test
	void refusesTextWithoutOffset() {
		assertThatExceptionOfType(CoercingParseValueException.class)
			.isThrownBy(() -> this.coercing.parseValue("2026-01-31T12:00:00", this.context, Locale.ROOT));
	}
}
