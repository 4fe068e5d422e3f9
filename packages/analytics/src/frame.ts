/** One decoded picture: packed RGB24, row-major. */
export interface Frame {
  width: number;
  height: number;
  /** width*height*3 bytes. */
  data: Uint8Array;
  /** Capture time, epoch ms. */
  at: number;
}
