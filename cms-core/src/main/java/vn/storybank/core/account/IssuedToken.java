package vn.storybank.core.account;

/** A token just issued: the only time its secret is shown. */
public record IssuedToken(TokenView token, String secret) {}
