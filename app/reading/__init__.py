"""Reading documents: the text of PDF, DOCX, ODT and text files, and of scans by OCR."""
