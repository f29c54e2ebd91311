package io.catalogs.gateway.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.Value;
import graphql.scalars.ExtendedScalars;
import graphql.schema.Coercing;
import graphql.schema.GraphQLScalarType;

/**
 * The {@code DateTime} scalar over {@link Instant}, the type entities carry: extended-scalars'
 * RFC 3339 {@code DateTime} (which knows only {@link OffsetDateTime}) with instants written in UTC
 * ({@code 2026-01-31T12:00:00.000Z}) and every input, whatever its offset, read as an instant.
 */
public final class DateTimeScalar {

	/** The scalar to register under the name {@code DateTime}. */
	public static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar(ExtendedScalars.DateTime)
		.description("An ISO-8601 date-time with offset; written in UTC with millisecond precision")
		.coercing(new InstantCoercing())
		.build();

	private DateTimeScalar() {
	}

	@SuppressWarnings("unchecked")
	private static final class InstantCoercing implements Coercing<Instant, String> {

		private final Coercing<Object, Object> delegate = (Coercing<Object, Object>) ExtendedScalars.DateTime
			.getCoercing();

		@Override
		public String serialize(Object input, GraphQLContext context, Locale locale) {
			return (String) this.delegate.serialize(toOffset(input), context, locale);
		}

		@Override
		public Instant parseValue(Object input, GraphQLContext context, Locale locale) {
			return toInstant(this.delegate.parseValue(toOffset(input), context, locale));
		}

		@Override
		public Instant parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			return toInstant(this.delegate.parseLiteral(input, variables, context, locale));
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return this.delegate.valueToLiteral(toOffset(input), context, locale);
		}

		private static Object toOffset(Object value) {
			return (value instanceof Instant instant) ? instant.atOffset(ZoneOffset.UTC) : value;
		}

		private static Instant toInstant(Object value) {
			return (value instanceof OffsetDateTime dateTime) ? dateTime.toInstant() : (Instant) value;
		}
	}
}
