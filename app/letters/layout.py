"""Page geometry of a letter in millimetres; offices adjust it to their own window envelopes."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class LetterLayout:
    """All positions in mm, measured from the top-left corner of the A4 sheet unless named.

    Defaults follow DOMAIN.md section 7 (NEN 1026 style, DL window envelope): the address
    window is 70 mm wide at 35 mm from the left, 48-79 mm from the top (centre 63.5 mm); the
    return line sits at the top of the window and the address lines are centred in the space
    below it. Fold marks are at thirds of the sheet (99 and 198 mm) for a Z- or letter-fold
    into a DL (110 x 220 mm) envelope, with a punch mark at half height (148.5 mm), as in DIN
    5008. No text of the return line, address block, reference row or subject may lie within
    ``fold_clearance_mm`` of the first fold, so the reference row sits just below it (labels at
    104.5 mm, values at 108.5 mm) and the subject starts at 116 mm.

    The address text keeps ``address_play_mm`` free at the right of the 70 mm block: the sheet
    moves about 7 mm in the envelope, so the text stays within 35-98 mm from the left edge.
    """

    page_width_mm: float = 210.0
    page_height_mm: float = 297.0
    margin_left_mm: float = 25.0
    margin_right_mm: float = 20.0
    margin_bottom_mm: float = 22.0
    footer_baseline_mm: float = 12.0  # from the bottom edge

    # Letterhead (first page only).
    letterhead_name_baseline_mm: float = 21.0
    letterhead_name_size: float = 15.0
    logo_top_mm: float = 12.0
    logo_max_width_mm: float = 50.0
    logo_max_height_mm: float = 22.0
    sender_column_left_mm: float = 130.0
    sender_column_top_mm: float = 48.0
    sender_label_width_mm: float = 20.0
    sender_font_size: float = 7.5

    # Window, return line and address block.
    address_left_mm: float = 35.0
    address_width_mm: float = 70.0
    window_top_mm: float = 48.0
    window_bottom_mm: float = 79.0
    return_line_baseline_mm: float = 51.5
    return_line_font_size: float = 6.5
    address_centre_mm: float = 65.5  # centre of the address lines, below the return line
    address_font_size: float = 10.0
    address_leading_pt: float = 12.0
    address_play_mm: float = 7.0  # the sheet's play in the envelope, kept free at the right

    # Reference row (uw brief van / uw kenmerk / ons kenmerk / behandeld door / datum).
    reference_label_baseline_mm: float = 104.5
    reference_value_baseline_mm: float = 108.5
    reference_column_widths_mm: tuple[float, ...] = (30.0, 37.0, 34.0, 37.0, 27.0)
    reference_label_size: float = 7.0
    reference_value_size: float = 9.0

    # Body.
    body_top_first_mm: float = 116.0
    body_top_later_mm: float = 25.0
    later_header_baseline_mm: float = 14.0
    font_size: float = 10.0
    leading: float = 13.5

    # Folding (the sheet is folded at the first fold whether or not the marks are printed).
    first_fold_mm: float = 99.0
    fold_marks_mm: tuple[float, ...] = (99.0, 198.0)
    punch_mark_mm: float | None = 148.5
    mark_left_mm: float = 5.0
    fold_mark_length_mm: float = 5.0
    punch_mark_length_mm: float = 8.0
    fold_clearance_mm: float = 2.0  # no letterhead text this close to the first fold

    @property
    def body_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def address_text_width_mm(self) -> float:
        """The width address text may use: the block minus the sheet's play in the envelope."""
        return self.address_width_mm - self.address_play_mm

    def with_offsets(
        self,
        *,
        address_left_mm: float,
        address_width_mm: float,
        address_shift_down_mm: float,
        reference_row_shift_down_mm: float,
        fold_marks: bool,
    ) -> LetterLayout:
        """This layout with an office's adjustments (the "letter_layout" setting) applied."""
        down, ref = address_shift_down_mm, reference_row_shift_down_mm
        return replace(
            self,
            address_left_mm=address_left_mm,
            address_width_mm=address_width_mm,
            window_top_mm=self.window_top_mm + down,
            window_bottom_mm=self.window_bottom_mm + down,
            return_line_baseline_mm=self.return_line_baseline_mm + down,
            address_centre_mm=self.address_centre_mm + down,
            reference_label_baseline_mm=self.reference_label_baseline_mm + ref,
            reference_value_baseline_mm=self.reference_value_baseline_mm + ref,
            body_top_first_mm=self.body_top_first_mm + max(0.0, ref),
            fold_marks_mm=self.fold_marks_mm if fold_marks else (),
            punch_mark_mm=self.punch_mark_mm if fold_marks else None,
        )
