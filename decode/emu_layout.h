/* emu_layout.h: the guest page and its permission bits, one definition for the host's guest memory
 * (emu/guest/emu_mem.h) and the device's (shaders/guest_mem.h, through gpu_abi.h). C11 and OpenCL C. */
#ifndef EMU_LAYOUT_H
#define EMU_LAYOUT_H

#define EMU_PAGE_BITS 12

#define EMU_PERM_R    0x01u
#define EMU_PERM_W    0x02u
#define EMU_PERM_X    0x04u
#define EMU_PERM_CODE 0x08u /* decoded blocks exist for this page */
#define EMU_PERM_MAPPED 0x10u /* set on every mapped page, so PROT_NONE pages still count as mapped */
#define EMU_PERM_RWX  (EMU_PERM_R | EMU_PERM_W | EMU_PERM_X)

#endif
