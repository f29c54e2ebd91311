package io.catalogs.api.fake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


/**
 * Unfolds Stripe's form bodies ({@code a=1&metadata[k]=v&expand[]=x}) into nested maps, and types
 * the values by the operation's schema (form values are all text; the schema says which are
 * integers or booleans).
 */
public final class FormBodies {

	private static final Pattern KEY = Pattern.compile("([^\\[]+)((?:\\[[^\\]]*\\])*)");

	private static final Pattern PART = Pattern.compile("\\[([^\\]]*)\\]");

	private FormBodies() {
	}

	/** The form's fields as nested maps (and lists for {@code name[]}), values as text. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> parse(String body) {
		Map<String, Object> root = new LinkedHashMap<>();
		for (String pair : body.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String key = URLDecoder.decode((eq < 0) ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
			String value = (eq < 0) ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
			Matcher matcher = KEY.matcher(key);
			if (!matcher.matches()) {
				root.put(key, value);
				continue;
			}
			List<String> parts = new ArrayList<>();
			parts.add(matcher.group(1));
			Matcher part = PART.matcher(matcher.group(2));
			while (part.find()) {
				parts.add(part.group(1));
			}
			Object container = root;
			for (int i = 0; i < parts.size(); i++) {
				boolean last = i == parts.size() - 1;
				String name = parts.get(i);
				boolean nextIsList = !last && parts.get(i + 1).isEmpty();
				if (container instanceof Map<?, ?> map) {
					Map<String, Object> object = (Map<String, Object>) map;
					if (last) {
						object.put(name, value);
					}
					else {
						container = object.computeIfAbsent(name, (k) -> nextIsList ? new ArrayList<>() : new LinkedHashMap<>());
					}
				}
				else if (container instanceof List<?> list) {
					((List<Object>) list).add(value);
					break;
				}
			}
		}
		return root;
	}
}
