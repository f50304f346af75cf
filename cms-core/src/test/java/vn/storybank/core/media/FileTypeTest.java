package vn.storybank.core.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import vn.storybank.core.error.ErrorKind;
import vn.storybank.core.error.StorybankException;

class FileTypeTest {
  @Test
  void recognisesEachAllowedTypeFromItsFirstBytes() {
    assertEquals(FileType.JPEG, detect(TestMedia.jpeg(8, 8)));
    assertEquals(FileType.PNG, detect(TestMedia.png(8, 8)));
    assertEquals(FileType.GIF, detect("GIF89a....".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(FileType.WEBP, detect("RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.US_ASCII)));
    assertEquals(
        FileType.MP4, detect("\0\0\0\u0018ftypisom".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(
        FileType.M4A, detect("\0\0\0\u0018ftypM4A ".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(
        FileType.WEBM,
        detect(new byte[] {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, 0, 0, 'w', 'e', 'b', 'm'}));
    assertEquals(FileType.MP3, detect("ID3\u0004\0".getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals(FileType.MP3, detect(new byte[] {(byte) 0xFF, (byte) 0xFB, (byte) 0x90, 0}));
    assertEquals(FileType.PDF, detect(TestMedia.pdf()));
  }

  @Test
  void refusesSvgAndUnknownBytes() {
    assertEquals(ErrorKind.UNSUPPORTED_TYPE, refused(TestMedia.svg()).kind());
    assertEquals(
        ErrorKind.UNSUPPORTED_TYPE,
        refused("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8))
            .kind());
    assertEquals(ErrorKind.UNSUPPORTED_TYPE, refused("MZ\u0090\0".getBytes()).kind());
    assertEquals(ErrorKind.UNPROCESSABLE, refused(new byte[0]).kind());
  }

  @Test
  void aDeclaredTypeMustAgreeWithTheBytes() {
    FileType.JPEG.requireDeclared("image/jpeg");
    FileType.JPEG.requireDeclared("image/jpg");
    FileType.JPEG.requireDeclared("application/octet-stream");
    FileType.JPEG.requireDeclared(null);
    FileType.M4A.requireDeclared("audio/x-m4a");
    StorybankException e =
        assertThrows(StorybankException.class, () -> FileType.PDF.requireDeclared("image/png"));
    assertEquals(ErrorKind.UNSUPPORTED_TYPE, e.kind());
  }

  private static FileType detect(byte[] bytes) {
    return FileType.detect(bytes, Math.min(bytes.length, FileType.HEADER_BYTES));
  }

  private static StorybankException refused(byte[] bytes) {
    return assertThrows(StorybankException.class, () -> detect(bytes));
  }
}
