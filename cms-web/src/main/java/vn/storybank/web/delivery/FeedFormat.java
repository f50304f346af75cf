package vn.storybank.web.delivery;

/** A standard news-feed format a channel can offer. */
interface FeedFormat {
  /** The channel format code ({@code jsonfeed}, {@code ninjs}, {@code atom}). */
  String code();

  String mediaType();

  byte[] render(Feed feed);
}
