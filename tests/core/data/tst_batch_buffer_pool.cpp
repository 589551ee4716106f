// The pool that recycles batch memory: reuse after release, never while held, a bounded
// shelf, and tensors that outlive their pool.

#include <QTest>

#include "core/data/batch_buffer_pool.h"

using namespace tstudio::data;

class TestBatchBufferPool : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void reusesReleasedMemory() {
        BatchBufferPool pool(2);
        const void* first = nullptr;
        {
            torch::Tensor t = pool.floatTensor({2, 3, 4, 4});
            QCOMPARE(t.sizes(), (torch::IntArrayRef{2, 3, 4, 4}));
            QVERIFY(t.is_contiguous());
            QCOMPARE(t.scalar_type(), torch::kFloat32);
            first = t.data_ptr();
            QCOMPARE(pool.shelved(), std::size_t{0});
        }
        QCOMPARE(pool.shelved(), std::size_t{1});
        torch::Tensor again = pool.floatTensor({2, 3, 4, 4});
        QCOMPARE(static_cast<const void*>(again.data_ptr()), first);
        QCOMPARE(pool.shelved(), std::size_t{0});
    }

    void neverHandsOutMemoryStillHeld() {
        BatchBufferPool pool(4);
        torch::Tensor a = pool.floatTensor({8});
        torch::Tensor b = pool.floatTensor({8});
        QVERIFY(a.data_ptr() != b.data_ptr());
        a.fill_(1);
        b.fill_(2);
        torch::Tensor view = a.slice(0, 0, 4); // a view keeps the memory too
        a = torch::Tensor();
        torch::Tensor c = pool.floatTensor({8});
        QVERIFY(c.data_ptr() != view.data_ptr());
        c.fill_(3);
        QVERIFY(torch::all(view == 1).item<bool>());
        QVERIFY(torch::all(b == 2).item<bool>());
    }

    void otherSizesGetTheirOwnBuffers() {
        BatchBufferPool pool(4);
        { torch::Tensor big = pool.floatTensor({32, 3, 8, 8}); }
        torch::Tensor small = pool.floatTensor({5, 3, 8, 8}); // the last, short batch
        QCOMPARE(small.numel(), std::int64_t{5 * 3 * 8 * 8});
        QCOMPARE(pool.shelved(), std::size_t{1});
    }

    void keepsAtMostItsBound() {
        BatchBufferPool pool(2);
        {
            std::vector<torch::Tensor> held;
            for (int i = 0; i < 5; ++i) {
                held.push_back(pool.floatTensor({16}));
            }
        }
        QCOMPARE(pool.shelved(), std::size_t{2});
    }

    void tensorsOutliveThePool() {
        torch::Tensor survivor;
        {
            BatchBufferPool pool(2);
            survivor = pool.floatTensor({64});
            survivor.fill_(7);
        }
        QCOMPARE(survivor.sum().item<float>(), 7.0f * 64);
        survivor = torch::Tensor(); // returns its memory to the shelf the tensor kept alive
    }
};

QTEST_GUILESS_MAIN(TestBatchBufferPool)
#include "tst_batch_buffer_pool.moc"
