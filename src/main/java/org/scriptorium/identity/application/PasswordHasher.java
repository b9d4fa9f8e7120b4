package org.scriptorium.identity.application;

/** Turns passwords into salted, slow hashes and checks passwords against them. */
public interface PasswordHasher {

    String hash(char[] password);

    boolean verify(char[] password, String hash);
}
