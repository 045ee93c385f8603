package io.webcare.deploy.tools;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Positional arguments and {@code --name value} / {@code --name=value} options, with unknown options refused. */
public final class CliArgs {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    private CliArgs() {}

    public static CliArgs parse(List<String> args, Set<String> knownOptions) {
        CliArgs parsed = new CliArgs();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                parsed.positional.add(arg);
                continue;
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.size()) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (!knownOptions.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + " (known: " + knownOptions + ")");
            }
            parsed.options.put(name, value);
        }
        return parsed;
    }

    public List<String> positional() {
        return List.copyOf(positional);
    }

    public int intOption(String name, int fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, got '" + value + "'");
        }
    }

    public double doubleOption(String name, double fallback) {
        String value = options.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a number, got '" + value + "'");
        }
    }

    public boolean has(String name) {
        return options.containsKey(name);
    }

    static Set<String> names(String... names) {
        return new HashSet<>(List.of(names));
    }
}
