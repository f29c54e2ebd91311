package io.catalogs.client.salesforce;

/** SOQL text helpers: string literals, escaped as the SOQL reference requires. */
public final class Soql {

	private Soql() {
	}

	/** {@code value} as a quoted SOQL string literal. */
	public static String literal(String value) {
		StringBuilder out = new StringBuilder("'");
		for (char c : value.toCharArray()) {
			switch (c) {
				case '\\' -> out.append("\\\\");
				case '\'' -> out.append("\\'");
				case '"' -> out.append("\\\"");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> out.append(c);
			}
		}
		return out.append('\'').toString();
	}
}
