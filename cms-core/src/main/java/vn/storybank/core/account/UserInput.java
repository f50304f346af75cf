package vn.storybank.core.account;

/** A new local account. */
public record UserInput(String username, String password, String displayName) {}
