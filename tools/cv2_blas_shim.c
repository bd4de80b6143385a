/*
 * OpenCV's BLAS/LAPACK, served by numpy's OpenBLAS: a drop-in for the bundle (Linux).
 *
 * The opencv-python wheel links its own OpenBLAS (38 MB, plus libgfortran and libquadmath),
 * while numpy ships another one. cv2 calls only the 19 routines below. build.spec compiles this
 * file into a library with the SONAME of OpenCV's OpenBLAS, so cv2 loads it instead; every call is
 * forwarded to numpy's ILP64 OpenBLAS (symbols `scipy_<name>64_`, 64-bit integers), converting
 * OpenCV's 32-bit integer arguments and pivot/work arrays on the way. Nothing is left out:
 * cv2.solve, cv2.SVDecomp, cv2.gemm, cv2.eigenNonSymmetric and friends work as before
 * (tests/test_blas_shim.py compares them with the wheel's own OpenBLAS).
 *
 *   gcc -O2 -shared -fPIC -o libopenblasp-....so -Wl,-soname,libopenblasp-....so cv2_blas_shim.c \
 *       -L<numpy.libs> -l:libscipy_openblas64_-....so -Wl,-rpath,'$ORIGIN/../numpy.libs'
 */
#include <stdint.h>
#include <stdlib.h>

typedef int64_t i64;

/* How many calls were forwarded: lets a test prove cv2 went through this library. */
volatile long kiosk_blas_shim_calls = 0;

/* ---- numpy's OpenBLAS (ILP64, scipy_ prefix; Fortran strings carry a hidden length) ---- */
#define CBLAS_GEMM_64(T, name)                                                                  \
    void scipy_cblas_##name##64_(int order, int ta, int tb, i64 m, i64 n, i64 k, T alpha,          \
                                 const void *a, i64 lda, const void *b, i64 ldb, T beta, void *c, \
                                 i64 ldc);
CBLAS_GEMM_64(float, sgemm)
CBLAS_GEMM_64(double, dgemm)
CBLAS_GEMM_64(const void *, cgemm)
CBLAS_GEMM_64(const void *, zgemm)

#define CBLAS_GEMM(T, name)                                                                        \
    void cblas_##name(int order, int ta, int tb, int m, int n, int k, T alpha, const void *a,       \
                      int lda, const void *b, int ldb, T beta, void *c, int ldc) {                 \
        kiosk_blas_shim_calls++;                                                                   \
        scipy_cblas_##name##64_(order, ta, tb, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);      \
    }
CBLAS_GEMM(float, sgemm)
CBLAS_GEMM(double, dgemm)
CBLAS_GEMM(const void *, cgemm)
CBLAS_GEMM(const void *, zgemm)

/* A 32-bit pivot or work array for the 64-bit library: copy in, call, copy out. */
static i64 *wide(const int *src, i64 count) {
    if (count < 1) count = 1;
    i64 *out = (i64 *)malloc((size_t)count * sizeof(i64));
    if (out && src)
        for (i64 i = 0; i < count; i++) out[i] = src[i];
    return out;
}
static void narrow(int *dst, const i64 *src, i64 count) {
    for (i64 i = 0; i < count; i++) dst[i] = (int)src[i];
}
#define OUT_OF_MEMORY(info) \
    do {                    \
        *(info) = -1000;    \
        return;             \
    } while (0)

#define MIN(a, b) ((a) < (b) ? (a) : (b))

#define LAPACK_FAMILY(T, p)                                                                              \
    void scipy_##p##gesv_64_(i64 *, i64 *, T *, i64 *, i64 *, T *, i64 *, i64 *);                        \
    void p##gesv_(int *n, int *nrhs, T *a, int *lda, int *ipiv, T *b, int *ldb, int *info) {             \
        kiosk_blas_shim_calls++;                                                                         \
        i64 n_ = *n, nrhs_ = *nrhs, lda_ = *lda, ldb_ = *ldb, info_ = 0;                                 \
        i64 *piv = wide(NULL, n_);                                                                       \
        if (!piv) OUT_OF_MEMORY(info);                                                                   \
        scipy_##p##gesv_64_(&n_, &nrhs_, a, &lda_, piv, b, &ldb_, &info_);                               \
        narrow(ipiv, piv, n_);                                                                           \
        free(piv);                                                                                       \
        *info = (int)info_;                                                                              \
    }                                                                                                    \
    void scipy_##p##getrf_64_(i64 *, i64 *, T *, i64 *, i64 *, i64 *);                                   \
    void p##getrf_(int *m, int *n, T *a, int *lda, int *ipiv, int *info) {                               \
        kiosk_blas_shim_calls++;                                                                         \
        i64 m_ = *m, n_ = *n, lda_ = *lda, info_ = 0, k = MIN(m_, n_);                                   \
        i64 *piv = wide(NULL, k);                                                                        \
        if (!piv) OUT_OF_MEMORY(info);                                                                   \
        scipy_##p##getrf_64_(&m_, &n_, a, &lda_, piv, &info_);                                           \
        narrow(ipiv, piv, k);                                                                            \
        free(piv);                                                                                       \
        *info = (int)info_;                                                                              \
    }                                                                                                    \
    void scipy_##p##potrf_64_(char *, i64 *, T *, i64 *, i64 *, size_t);                                 \
    void p##potrf_(char *uplo, int *n, T *a, int *lda, int *info) {                                      \
        kiosk_blas_shim_calls++;                                                                         \
        i64 n_ = *n, lda_ = *lda, info_ = 0;                                                             \
        scipy_##p##potrf_64_(uplo, &n_, a, &lda_, &info_, 1);                                            \
        *info = (int)info_;                                                                              \
    }                                                                                                    \
    void scipy_##p##posv_64_(char *, i64 *, i64 *, T *, i64 *, T *, i64 *, i64 *, size_t);               \
    void p##posv_(char *uplo, int *n, int *nrhs, T *a, int *lda, T *b, int *ldb, int *info) {            \
        kiosk_blas_shim_calls++;                                                                         \
        i64 n_ = *n, nrhs_ = *nrhs, lda_ = *lda, ldb_ = *ldb, info_ = 0;                                 \
        scipy_##p##posv_64_(uplo, &n_, &nrhs_, a, &lda_, b, &ldb_, &info_, 1);                           \
        *info = (int)info_;                                                                              \
    }                                                                                                    \
    void scipy_##p##gels_64_(char *, i64 *, i64 *, i64 *, T *, i64 *, T *, i64 *, T *, i64 *, i64 *,     \
                             size_t);                                                                    \
    void p##gels_(char *trans, int *m, int *n, int *nrhs, T *a, int *lda, T *b, int *ldb, T *work,       \
                  int *lwork, int *info) {                                                               \
        kiosk_blas_shim_calls++;                                                                         \
        i64 m_ = *m, n_ = *n, nrhs_ = *nrhs, lda_ = *lda, ldb_ = *ldb, lwork_ = *lwork, info_ = 0;       \
        scipy_##p##gels_64_(trans, &m_, &n_, &nrhs_, a, &lda_, b, &ldb_, work, &lwork_, &info_, 1);      \
        *info = (int)info_;                                                                              \
    }                                                                                                    \
    void scipy_##p##geqrf_64_(i64 *, i64 *, T *, i64 *, T *, T *, i64 *, i64 *);                         \
    void p##geqrf_(int *m, int *n, T *a, int *lda, T *tau, T *work, int *lwork, int *info) {             \
        kiosk_blas_shim_calls++;                                                                         \
        i64 m_ = *m, n_ = *n, lda_ = *lda, lwork_ = *lwork, info_ = 0;                                   \
        scipy_##p##geqrf_64_(&m_, &n_, a, &lda_, tau, work, &lwork_, &info_);                            \
        *info = (int)info_;                                                                              \
    }                                                                                                    \
    void scipy_##p##gesdd_64_(char *, i64 *, i64 *, T *, i64 *, T *, T *, i64 *, T *, i64 *, T *, i64 *, \
                              i64 *, i64 *, size_t);                                                     \
    void p##gesdd_(char *jobz, int *m, int *n, T *a, int *lda, T *s, T *u, int *ldu, T *vt, int *ldvt,   \
                   T *work, int *lwork, int *iwork, int *info) {                                         \
        kiosk_blas_shim_calls++;                                                                         \
        i64 m_ = *m, n_ = *n, lda_ = *lda, ldu_ = *ldu, ldvt_ = *ldvt, lwork_ = *lwork, info_ = 0;       \
        i64 count = 8 * MIN(m_, n_);                                                                     \
        i64 *iw = wide(NULL, count);                                                                     \
        if (!iw) OUT_OF_MEMORY(info);                                                                    \
        scipy_##p##gesdd_64_(jobz, &m_, &n_, a, &lda_, s, u, &ldu_, vt, &ldvt_, work, &lwork_, iw,       \
                             &info_, 1);                                                                 \
        if (iwork) narrow(iwork, iw, count);                                                             \
        free(iw);                                                                                        \
        *info = (int)info_;                                                                              \
    }

LAPACK_FAMILY(float, s)
LAPACK_FAMILY(double, d)

void scipy_dgeev_64_(char *, char *, i64 *, double *, i64 *, double *, double *, double *, i64 *,
                     double *, i64 *, double *, i64 *, i64 *, size_t, size_t);
void dgeev_(char *jobvl, char *jobvr, int *n, double *a, int *lda, double *wr, double *wi, double *vl,
            int *ldvl, double *vr, int *ldvr, double *work, int *lwork, int *info) {
    kiosk_blas_shim_calls++;
    i64 n_ = *n, lda_ = *lda, ldvl_ = *ldvl, ldvr_ = *ldvr, lwork_ = *lwork, info_ = 0;
    scipy_dgeev_64_(jobvl, jobvr, &n_, a, &lda_, wr, wi, vl, &ldvl_, vr, &ldvr_, work, &lwork_, &info_, 1, 1);
    *info = (int)info_;
}
