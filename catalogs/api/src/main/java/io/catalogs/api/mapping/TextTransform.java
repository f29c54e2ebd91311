package io.catalogs.api.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A text transform a mapping applies on the way to or from the vendor ({@code transform}, {@code read-transform}). */
enum TextTransform {

	TRIM("trim", String::strip),
	LOWER_CASE("lower-case", (text) -> text.toLowerCase(Locale.ROOT)),
	UPPER_CASE("upper-case", (text) -> text.toUpperCase(Locale.ROOT));

	private final String configName;

	private final UnaryOperator<String> function;

	TextTransform(String configName, UnaryOperator<String> function) {
		this.configName = configName;
		this.function = function;
	}

	String apply(String text) {
		return this.function.apply(text);
	}

	static Optional<TextTransform> named(String name) {
		return Arrays.stream(values()).filter((transform) -> transform.configName.equals(name)).findFirst();
	}

	static String names() {
		return String.join(", ", Arrays.stream(values()).map((transform) -> transform.configName).toList());
	}
}
