"""The text a new SOP starts from: the Indonesian example of the language contract, and its English form."""

from __future__ import annotations

TEMPLATE_SOP_ID = "pelayanan-permohonan"

TEMPLATE_ID = """\
sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
  nomor: 12/SOP-PPID/2024
  efektif: 2024-06-10
  disahkan-oleh: Kepala Dinas Komunikasi dan Informatika
  batas-waktu: 10 hari kerja

pelaksana petugas: Petugas Layanan Informasi
pelaksana ppid: PPID

kegiatan terima: Menerima dan mencatat permohonan informasi dalam register
  oleh: petugas
  kelengkapan: Formulir permohonan
  waktu: 15 menit
  output: Register permohonan

keputusan lengkap: Memeriksa kelengkapan permohonan
  oleh: petugas
  waktu: 30 menit
  ya: berikut
  tidak: kembalikan

kegiatan jawab: Menyiapkan jawaban permohonan
  oleh: ppid
  waktu: 1-7 hari kerja
  lanjut: selesai

kegiatan kembalikan: Mengembalikan permohonan untuk dilengkapi
  oleh: petugas
  waktu: 10 menit
  lanjut: terima
"""

TEMPLATE_EN = """\
sop pelayanan-permohonan: Pelayanan Permohonan Informasi Publik
  number: 12/SOP-PPID/2024
  effective: 2024-06-10
  approved-by: Kepala Dinas Komunikasi dan Informatika
  sla: 10 hari kerja

role petugas: Petugas Layanan Informasi
role ppid: PPID

step terima: Menerima dan mencatat permohonan informasi dalam register
  by: petugas
  needs: Formulir permohonan
  time: 15 menit
  output: Register permohonan

decision lengkap: Memeriksa kelengkapan permohonan
  by: petugas
  time: 30 menit
  yes: next
  no: kembalikan

step jawab: Menyiapkan jawaban permohonan
  by: ppid
  time: 1-7 hari kerja
  next: end

step kembalikan: Mengembalikan permohonan untuk dilengkapi
  by: petugas
  time: 10 menit
  next: terima
"""
