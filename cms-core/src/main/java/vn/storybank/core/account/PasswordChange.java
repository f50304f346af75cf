package vn.storybank.core.account;

/** A signed-in user's change of their own password. */
public record PasswordChange(String currentPassword, String newPassword) {}
