package vn.storybank.core.account;

/** The administrator's reset of someone's password. */
public record PasswordReset(String newPassword) {}
