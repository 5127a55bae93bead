package io.fundflow.serving.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.fundflow.common.config.ConfigException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * The embedded identity store: a properties file with one line per trader,
 *
 * <pre>
 * # username = bcrypt hash ; granted branches (comma-separated BRANCH_NOs, or * for all)
 * alice = $2a$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW ; 1001,1002
 * </pre>
 *
 * Passwords are checked with bcrypt; an unknown user costs the same bcrypt check as a wrong
 * password, so response times do not reveal which usernames exist.
 */
public final class UserDirectory {

  private record Entry(String hash, Trader trader) {}

  private final Map<String, Entry> users;
  // Checked when the user is unknown, at the cost of the real hashes, so timing reveals nothing.
  private final char[] dummyHash;

  private UserDirectory(Map<String, Entry> users) {
    this.users = Map.copyOf(users);
    int cost =
        users.values().stream()
            .mapToInt(e -> Integer.parseInt(e.hash().substring(4, 6)))
            .max()
            .orElse(4);
    this.dummyHash = hash(java.util.UUID.randomUUID().toString(), cost).toCharArray();
  }

  /**
   * Reads the users file.
   *
   * @throws ConfigException naming every malformed line
   */
  public static UserDirectory load(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(r);
    } catch (IOException | IllegalArgumentException e) {
      throw new ConfigException("users file " + file + " cannot be read: " + e.getMessage(), e);
    }
    Map<String, String> lines = new LinkedHashMap<>();
    p.stringPropertyNames().stream().sorted().forEach(k -> lines.put(k, p.getProperty(k)));
    return parse(lines, file.toString());
  }

  /** Users from {@code username → "hash ; branches"} entries, as in the file. */
  public static UserDirectory parse(Map<String, String> lines, String source) {
    Map<String, Entry> users = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    lines.forEach(
        (username, value) -> {
          try {
            users.put(username, entry(username, value));
          } catch (IllegalArgumentException e) {
            problems.add(source + ": user " + username + ": " + e.getMessage());
          }
        });
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return new UserDirectory(users);
  }

  private static Entry entry(String username, String value) {
    if (username.isBlank() || username.length() > 64) {
      throw new IllegalArgumentException("username must be 1..64 characters");
    }
    int semi = value.indexOf(';');
    if (semi < 0) {
      throw new IllegalArgumentException("expected \"bcrypt-hash ; branches\"");
    }
    String hash = value.substring(0, semi).trim();
    if (!hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}")) {
      throw new IllegalArgumentException("not a bcrypt hash");
    }
    String branchText = value.substring(semi + 1).trim();
    if (branchText.equals("*")) {
      return new Entry(hash, new Trader(username, Set.of(), true));
    }
    Set<Integer> branches = new LinkedHashSet<>();
    for (String b : branchText.split(",", -1)) {
      try {
        branches.add(Integer.parseInt(b.trim()));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("branch \"" + b.trim() + "\" is not a BRANCH_NO");
      }
    }
    return new Entry(hash, new Trader(username, branches, false));
  }

  /** The trader when the password matches; empty for an unknown user or a wrong password. */
  public Optional<Trader> authenticate(String username, String password) {
    Entry e = users.get(username);
    char[] hash = e == null ? dummyHash : e.hash().toCharArray();
    boolean verified = BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    return e != null && verified ? Optional.of(e.trader()) : Optional.empty();
  }

  /** A bcrypt hash of {@code password} at {@code cost}, for writing the users file. */
  public static String hash(String password, int cost) {
    return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
  }
}
