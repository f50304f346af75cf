package vn.storybank.core.media;

/** Where crops centre: x from the left and y from the top, each 0..1 of the displayed image. */
public record FocalPoint(double x, double y) {
  public static final FocalPoint CENTRE = new FocalPoint(0.5, 0.5);

  boolean isValid() {
    return x >= 0 && x <= 1 && y >= 0 && y <= 1;
  }
}
