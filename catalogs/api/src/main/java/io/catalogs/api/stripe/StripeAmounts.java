package io.catalogs.api.stripe;

import io.catalogs.api.mapping.MappingException;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Set;

/**
 * Converts an invoice amount between the currency's major unit (the gateway's decimal) and the
 * smallest unit Stripe counts in: cents for most currencies, whole units for Stripe's zero-decimal
 * currencies (JPY, KRW...), thousandths for its three-decimal ones (BHD, JOD, KWD, OMR, TND).
 * The conversion needs the currency, which is why it lives in the Stripe invoice adapter rather
 * than in the per-field {@code cents} conversion of the mapping.
 */
final class StripeAmounts {

	/** Stripe's zero-decimal currencies (https://stripe.com/docs/currencies#zero-decimal). */
	static final Set<String> ZERO_DECIMAL = Set.of("bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf",
			"ugx", "vnd", "vuv", "xaf", "xof", "xpf");

	/** Stripe's three-decimal currencies. */
	static final Set<String> THREE_DECIMAL = Set.of("bhd", "jod", "kwd", "omr", "tnd");

	private StripeAmounts() {
	}

	/** How many decimals the smallest unit of {@code currency} has. */
	static int exponent(String currency) {
		String code = currency.toLowerCase(Locale.ROOT);
		return ZERO_DECIMAL.contains(code) ? 0 : THREE_DECIMAL.contains(code) ? 3 : 2;
	}

	/**
	 * {@code amount} in the smallest unit of {@code currency}, rounded half-even when it has more
	 * decimals than that unit (the exact amount is then kept next to it by the adapter).
	 * @throws MappingException when the amount does not fit Stripe's integers
	 */
	static long toMinor(BigDecimal amount, String currency) {
		try {
			return amount.movePointRight(exponent(currency)).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new MappingException("amount " + amount.toPlainString() + " " + currency + " is too large for Stripe");
		}
	}

	/** {@code minor} units of {@code currency} in its major unit. */
	static BigDecimal fromMinor(long minor, String currency) {
		return BigDecimal.valueOf(minor, exponent(currency));
	}

	/**
	 * The amount an invoice of {@code minor} units holds: {@code exact} (as the gateway wrote it)
	 * when it still rounds to {@code minor}, otherwise (the amount was changed at Stripe, or there is
	 * no exact value) what Stripe counts.
	 */
	static BigDecimal read(long minor, String currency, String exact) {
		if (exact != null) {
			try {
				BigDecimal written = new BigDecimal(exact);
				if (toMinor(written, currency) == minor) {
					return written;
				}
			}
			catch (RuntimeException ex) {
				// not ours or edited at Stripe: Stripe's amount counts
			}
		}
		return fromMinor(minor, currency);
	}
}
